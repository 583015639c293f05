/**
 * Put a copy of one plate answer on the board, at its owner's request (the panel asks first):
 * an ordinary sticky note everyone on the board can see. Only the text given goes: nothing
 * reaches the shared doc or the server, and the answer stays on the device as it was.
 */
import { PLATE_ANSWER_MAX } from '../core/plate.js';
import { failureOf, refused, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { text: string }): Promise<ActionResult<{ noteId: string }>> {
  const text = input.text.trim();
  if (!text) return refused('empty');
  if (text.length > PLATE_ANSWER_MAX) return refused('too-long', { max: PLATE_ANSWER_MAX });
  try {
    return { ok: true, value: { noteId: await ctx.board.shareNote(text) } };
  } catch (e) {
    console.error('Tryghed: the copy did not reach the board', e);
    return failureOf(e, 'refused');
  }
}
