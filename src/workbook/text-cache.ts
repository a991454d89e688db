/**
 * `compute` remembered per text: for answers asked at every cell or row of
 * a table about a handful of distinct texts (number formats, 指标性质). The
 * answers are shared, so they must be read only. The bound only keeps a
 * long-lived task pane from growing without end: past it, all is forgotten.
 */
export function cachedByText<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = compute(text);
      if (answers.size >= limit) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}
