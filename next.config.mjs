/** @type {import('next').NextConfig} */
const nextConfig = {
  // chDB is a native engine: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["chdb", "@clickhouse/client", "bcryptjs"],
  poweredByHeader: false,
};

export default nextConfig;
