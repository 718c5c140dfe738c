/**
 * "At most two decimals": 分值, 权重 and 得分 are written to the hundredth (the scoring tables print
 * them so, and the sums are added in hundredths). Every screen, service and importer asks here.
 */

/**
 * "分值最多两位小数" when `n` has more than two decimals; null when it has at most two. Tolerant of the
 * binary noise of a typed decimal (0.1 + 0.2), not of a third decimal (2.125). Not a number is the
 * caller's to refuse first.
 */
export function twoDecimalProblem(label: string, n: number): string | null {
  return Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? null : `${label}最多两位小数`;
}
