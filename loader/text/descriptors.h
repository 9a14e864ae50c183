// Company descriptions that news writes before a name ("chipmaker Orvane",
// "retailer Lumio"), shared by the taggers and entity resolution.
#ifndef KG_LOADER_TEXT_DESCRIPTORS_H_
#define KG_LOADER_TEXT_DESCRIPTORS_H_

#include <string_view>

namespace kg::loader::text {

// A lower-case word that describes a company and never starts one's own
// name: "-maker" words, "startup", "retailer", "giant" … (unlike "Bank" or
// "Group", which do start names).
bool IsOpeningDescriptor(std::string_view lower_word);

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_DESCRIPTORS_H_
