/** Five respondents of the pulse tests: Miro-like ids, names with Danish letters, distinct answers. */
export const pulsePeople = [
  { id: '3458764599990000011', name: 'Anne Mørk Jensen', answers: [2, 6, 1, 5, 2, 6, 7] },
  { id: '3458764599990000012', name: 'Bo Østergaard', answers: [3, 5, 2, 5, 3, 6, 6] },
  { id: '3458764599990000013', name: 'Camilla Ærø', answers: [1, 7, 1, 6, 1, 7, 7] },
  { id: '3458764599990000014', name: 'Dorthe Ågård', answers: [4, 4, 3, 4, 4, 5, 5] },
  { id: '3458764599990000015', name: 'Erik Lund Sørensen', answers: [2, 6, 2, 6, 2, 6, 6] },
];

/** A single answer as it could be written: JSON, comma- or space-joined, or run together. */
export const answerForms = (a: readonly number[]) => [JSON.stringify(a), a.join(','), a.join(', '), a.join(' '), a.join('')];
