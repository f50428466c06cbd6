/**
 * Words too common to say anything about why a user asked for a human, left
 * out of the unresolved-query report's top words and phrases: English
 * function words, greetings, and the words of asking for a person itself.
 */
export const STOP_WORDS = [
  "a", "about", "am", "an", "and", "any", "anyone", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did",
  "do", "does", "for", "from", "get", "got", "had", "has", "have", "hello", "hey", "hi", "how", "i", "i'm", "if", "im",
  "in", "is", "it", "its", "just", "me", "my", "need", "no", "not", "of", "ok", "on", "or", "please", "pls", "plz",
  "so", "still", "talk", "than", "thanks", "that", "the", "their", "there", "this", "to", "u", "up", "us", "want",
  "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "would", "yes", "you", "your",
  "human", "agent", "person", "someone", "somebody", "help", "speak", "real",
];
