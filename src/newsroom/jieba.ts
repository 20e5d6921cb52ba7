/**
 * Chinese word segmentation with @node-rs/jieba (a native addon shipped for each platform
 * inside npm packages: nothing is downloaded at run time). The dictionary takes ~200–300 ms
 * to load, so it is loaded once: at start by the bot (loadSegmenter), else on first use.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let instance: Jieba | null = null;

/**
 * The words of a Chinese text, in order. Without the HMM guesser: an unknown name then
 * splits into the same single characters in every report instead of merging with a
 * neighbour differently each time ("托纳称" vs "托纳表示").
 */
export function segment(text: string): string[] {
  instance ??= Jieba.withDict(dict);
  return instance.cut(text, false);
}

/** Loads the dictionary now (at start, before commands come), not in the first feed poll. */
export function loadSegmenter(): void {
  instance ??= Jieba.withDict(dict);
}
