/** The countries demo contacts live in: dialling codes, mobile prefixes, cities and names. */
import type { DemoAgent, DemoCountry } from "./workspace";

export const INDIA: DemoCountry = {
  name: "India",
  dial: "91",
  mobilePrefixes: ["98", "99", "97", "96", "93", "90", "88", "87", "81", "79", "70", "63"],
  nationalDigits: 10,
  weight: 55,
  utcOffsetHours: 5.5,
  cities: ["Mumbai", "Bengaluru", "Delhi", "Hyderabad", "Pune", "Chennai", "Kolkata", "Ahmedabad", "Jaipur", "Kochi", "Lucknow", "Indore"],
  emailDomains: ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com"],
  firstNames: ["Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Isha", "Kabir", "Rohan", "Priya", "Neha", "Arjun", "Sneha", "Rahul", "Pooja", "Vikram", "Kavya", "Siddharth", "Meera", "Karan", "Tanvi", "Nikhil", "Riya", "Amit", "Shreya", "Harsh", "Lakshmi", "Manoj", "Divya", "Suresh", "Anjali"],
  lastNames: ["Sharma", "Verma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Mehta", "Joshi", "Kapoor", "Singh", "Das", "Menon", "Rao", "Kulkarni", "Chopra", "Bose", "Pillai", "Agarwal", "Banerjee"],
};

export const UAE: DemoCountry = {
  name: "United Arab Emirates",
  dial: "971",
  mobilePrefixes: ["50", "52", "54", "55", "56", "58"],
  nationalDigits: 9,
  weight: 12,
  utcOffsetHours: 4,
  cities: ["Dubai", "Abu Dhabi", "Sharjah", "Ajman"],
  emailDomains: ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com"],
  firstNames: ["Omar", "Fatima", "Ahmed", "Aisha", "Yusuf", "Mariam", "Khalid", "Noura", "Hamdan", "Layla", "Rashid", "Sara"],
  lastNames: ["Al Mansoori", "Al Hashimi", "Khan", "Haddad", "Al Suwaidi", "Nasser", "Farouk", "Al Zaabi"],
};

export const UK: DemoCountry = {
  name: "United Kingdom",
  dial: "44",
  mobilePrefixes: ["74", "75", "77", "78", "79"],
  nationalDigits: 10,
  weight: 8,
  utcOffsetHours: 0,
  cities: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Leicester"],
  emailDomains: ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"],
  firstNames: ["Oliver", "Amelia", "Harry", "Isla", "Jack", "Ava", "George", "Emily", "Priya", "Sam", "Hannah", "Tom"],
  lastNames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Patel", "Evans", "Walker", "Wright", "Hughes"],
};

export const US: DemoCountry = {
  name: "United States",
  dial: "1",
  mobilePrefixes: ["212", "310", "415", "646", "718", "312", "617", "206", "512", "404"],
  nationalDigits: 10,
  weight: 8,
  utcOffsetHours: -5,
  cities: ["New York", "San Francisco", "Los Angeles", "Chicago", "Austin", "Seattle", "Boston", "Atlanta"],
  emailDomains: ["gmail.com", "gmail.com", "yahoo.com", "icloud.com", "outlook.com"],
  firstNames: ["James", "Emma", "Michael", "Olivia", "David", "Sophia", "Daniel", "Mia", "Chris", "Ava", "Ravi", "Jessica"],
  lastNames: ["Johnson", "Miller", "Davis", "Garcia", "Martinez", "Lee", "Anderson", "Thomas", "Clark", "Shah"],
};

export const SINGAPORE: DemoCountry = {
  name: "Singapore",
  dial: "65",
  mobilePrefixes: ["8", "9"],
  nationalDigits: 8,
  weight: 5,
  utcOffsetHours: 8,
  cities: ["Singapore"],
  emailDomains: ["gmail.com", "singnet.com.sg", "outlook.com"],
  firstNames: ["Wei Ling", "Jun Jie", "Hui Min", "Marcus", "Siti", "Arun", "Mei", "Darren", "Nur", "Kelvin"],
  lastNames: ["Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Rahman", "Kumar"],
};

export const INDONESIA: DemoCountry = {
  name: "Indonesia",
  dial: "62",
  mobilePrefixes: ["811", "812", "813", "821", "822", "852", "857", "878"],
  nationalDigits: 11,
  weight: 7,
  utcOffsetHours: 7,
  cities: ["Jakarta", "Surabaya", "Bandung", "Medan", "Denpasar"],
  emailDomains: ["gmail.com", "yahoo.co.id", "outlook.com"],
  firstNames: ["Putri", "Budi", "Dewi", "Agus", "Sari", "Rizky", "Ayu", "Fajar", "Indah", "Eko"],
  lastNames: ["Santoso", "Wijaya", "Saputra", "Hidayat", "Lestari", "Pratama", "Kusuma", "Nugroho"],
};

export const BRAZIL: DemoCountry = {
  name: "Brazil",
  dial: "55",
  mobilePrefixes: ["119", "219", "319", "419", "519", "619"],
  nationalDigits: 11,
  weight: 5,
  utcOffsetHours: -3,
  cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Brasília"],
  emailDomains: ["gmail.com", "hotmail.com", "uol.com.br", "outlook.com"],
  firstNames: ["Lucas", "Ana", "Gabriel", "Julia", "Pedro", "Mariana", "Rafael", "Beatriz", "Thiago", "Camila"],
  lastNames: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Costa", "Pereira", "Almeida", "Ferreira"],
};

export const RETAIL_COUNTRIES = [INDIA, UAE, UK, US, SINGAPORE, INDONESIA, BRAZIL];

/** An agent and the hours (UTC) of their shift. */
export const agent = (id: string, name: string, shiftUtc: [number, number]): DemoAgent => ({ kind: "agent", id: `agent:${id}`, name, shiftUtc });
