// Value matching for scoring extracted facts against hand-made key facts,
// following the project's reference scorer (shared/tools/factscore.py) so
// that `kg eval` and factscore.py report the same numbers.
#ifndef KG_LOADER_FACT_MATCH_H_
#define KG_LOADER_FACT_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::loader {

// The comparison form of a value: surrounding double quotes dropped, curly
// apostrophes made straight, lower-cased (ASCII letters), bracketed notes
// "(…)" removed, punctuation other than $ . - _ made a space, then - and _
// made spaces, runs of spaces collapsed, a leading "the"/"a"/"an" and one
// trailing "." removed. Non-ASCII letters are kept as they are.
std::string NormalizeForMatch(std::string_view s);

// The numbers written in `s` (brackets included), scaled by a following
// thousand/million/billion/trillion, bn/mn/tn or k/m/b/t: "£80 million" →
// {8e7}, "54000000 GBP" → {5.4e7}, "2018-07-03" → {2018, 7, 3}.
std::vector<double> NumbersIn(std::string_view s);

// Token F1 between the normalized forms, ignoring the words the, a, an, of,
// its, their, in, to, and, for, on. 0 when either side has no token.
double TokenF1(std::string_view a, std::string_view b);

// True when `a` and `b` name the same thing: equal normalized forms; else,
// when both contain numbers, some pair within 1 % (the words then do not
// count, so "$5 million" never matches "$50 million"); else TokenF1 >= 0.5.
bool SameValue(std::string_view a, std::string_view b);

}  // namespace kg::loader

#endif  // KG_LOADER_FACT_MATCH_H_
