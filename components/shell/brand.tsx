/** The ChatLens mark: a chat bubble seen through a lens. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <span className="brand-mark" style={{ width: size, height: size }} aria-hidden="true">
      <svg width={size * 0.6} height={size * 0.6} viewBox="0 0 24 24" fill="none">
        <path
          d="M4 11.5a7.5 7.5 0 1 1 3.6 6.4L4 19l1.1-3.4A7.46 7.46 0 0 1 4 11.5Z"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
        <circle cx="11.5" cy="11.5" r="2.5" fill="currentColor" />
      </svg>
    </span>
  );
}
