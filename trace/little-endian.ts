/** Bytes as a little-endian unsigned integer (pmemcheck's STORE values, litmus integer observations). */
export function littleEndian(bytes: ArrayLike<number>): bigint {
  return Array.from(bytes).reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);
}
