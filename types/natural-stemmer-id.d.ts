// natural ships types for its index only; the Indonesian stemmer is imported on its own because the
// index pulls database drivers and prints dotenv banners.
declare module 'natural/lib/natural/stemmers/indonesian/stemmer_id.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
