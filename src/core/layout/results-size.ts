/**
 * How much room a results frame takes beside its template: what the board's grid reserves
 * (board-grid.ts, with the first paint), apart from laying results out (results-frame.ts).
 */
export const RESULTS_WIDTH = 1600;
/** Gap between the rect the frame goes beside and the frame. */
export const RESULTS_BESIDE_GAP = 200;
