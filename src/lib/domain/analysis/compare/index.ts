/** Comparing two dates of a situation (docs/analysis.md, "Comparing two dates"). */
export { compareDates, compareReports, compareWithAnalyzer, totalsDifference } from './compareDates';
export { checkComparisonDates, ComparisonDateError } from './comparisonDates';
export {
  accessWords,
  changeLines,
  corridorChangeLine,
  crossingChangeLine,
  flagWords,
  KEY_FIGURES,
  signed,
  siteChangeLine,
  statusWords,
  totalsRows,
  type ChangeLine,
} from './changeWords';
export { ENGLISH_CHANGE_PHRASES, type ChangePhrases } from './changePhrases';
