import { describe, expect, it } from "vitest";
import { editorCustomId, parseEditorArgs, type EditorAction } from "../src/custom-ids.ts";

const args = (id: string) => id.split(":").slice(1);

describe("the person form's and merge's custom ids", () => {
  it("read back exactly what they were built from", () => {
    const actions: EditorAction[] = [
      { verb: "padd", storyId: 3, draftId: null },
      { verb: "padd", storyId: 3, draftId: 9 },
      { verb: "pedit", storyId: 3, entityId: 12, draftId: null },
      { verb: "pedit", storyId: 3, entityId: 12, draftId: 7 },
      { verb: "pretry", draftId: 5 },
      { verb: "pmerge", storyId: 3, fromId: 4, intoId: 8 },
      { verb: "pmkeep" },
    ];
    for (const a of actions) expect(parseEditorArgs(args(editorCustomId(a)))).toEqual(a);
  });

  it("are refused when malformed: wrong arity, zero or negative ids, a merge of someone into themself", () => {
    for (const id of [
      "ed:padd",
      "ed:padd:0",
      "ed:pedit:3",
      "ed:pedit:3:0",
      "ed:pretry",
      "ed:pretry:x",
      "ed:pmerge:3:4",
      "ed:pmerge:3:4:4",
      "ed:pmerge:3:-4:5",
      "ed:pmkeep:1",
    ]) {
      expect(parseEditorArgs(args(id)), id).toBeNull();
    }
  });
});
