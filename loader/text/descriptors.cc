#include "loader/text/descriptors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace kg::loader::text {

bool IsOpeningDescriptor(std::string_view lower_word) {
  static constexpr std::array<std::string_view, 25> kWords = {
      "startup", "retailer", "lender", "insurer", "miner", "brewer", "refiner", "fintech", "giant",
      "supplier", "developer", "manufacturer", "operator", "provider", "distributor", "producer",
      "shipbuilder", "shipper", "conglomerate",
      // Relations to the company the story is about ("Rival Halden said").
      "rival", "competitor", "peer", "parent", "regulator", "investor"};
  if (lower_word.size() > 5 && lower_word.ends_with("maker")) return true;
  return std::find(kWords.begin(), kWords.end(), lower_word) != kWords.end();
}

std::string UnitName(std::string_view owner, std::string_view unit_words) {
  std::string out(owner);
  out += ' ';
  out += unit_words;
  return out;
}

}  // namespace kg::loader::text
