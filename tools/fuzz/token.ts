/** The fuzzer's bot token: token-shaped so the logger masks it, and scanned for in all test output. */
export const FUZZ_TOKEN = "fuzz.MTIzNDU2Nzg5MDEy.token-never-shown-4242";
