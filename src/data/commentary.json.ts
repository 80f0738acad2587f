// The commentary pages under src/commentary/, validated, newest first: CommentaryEntry[]
// (see src/lib/commentary.ts). The overview lists them.
import { loadCommentary } from "../lib/commentary.ts";

process.stdout.write(JSON.stringify(loadCommentary()));
