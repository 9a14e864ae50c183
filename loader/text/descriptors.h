// Company descriptions that news writes before a name ("chipmaker Orvane",
// "retailer Lumio"), shared by the taggers and entity resolution.
#ifndef KG_LOADER_TEXT_DESCRIPTORS_H_
#define KG_LOADER_TEXT_DESCRIPTORS_H_

#include <string>
#include <string_view>

namespace kg::loader::text {

// A lower-case word that describes a company and never starts one's own
// name: "-maker" words, "startup", "retailer", "giant" … (unlike "Bank" or
// "Group", which do start names).
bool IsOpeningDescriptor(std::string_view lower_word);

// The entity name of a company's unit: the owner's name, then the unit's
// words as written ("Halden", "Asian unit" → "Halden Asian unit"); the
// chunker and the tree name it alike.
std::string UnitName(std::string_view owner, std::string_view unit_words);

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_DESCRIPTORS_H_
