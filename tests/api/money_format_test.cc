// Value::FormatMoneyUnits: the exact decimal text of an amount, checked
// against a digit-by-digit reference over the whole MoneyUnits range.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "kg/value.h"

namespace kg {
namespace {

__extension__ typedef unsigned __int128 Magnitude;  // NOLINT(modernize-use-using)

// The plain algorithm: every digit by __int128 division.
std::string Reference(MoneyUnits units) {
  Magnitude m = units < 0 ? static_cast<Magnitude>(-(units + 1)) + 1 : static_cast<Magnitude>(units);
  Magnitude whole = m / kMoneyUnitsPerWhole;
  auto fraction = static_cast<int>(m % kMoneyUnitsPerWhole);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
    whole /= 10;
  } while (whole != 0);
  std::string out = (units < 0 ? "-" : "") + digits;
  if (fraction != 0) {
    std::string f = std::to_string(fraction + 10000).substr(1);
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

TEST(MoneyFormatTest, WritesExactDecimalsWithoutTrailingZeros) {
  EXPECT_EQ(Value::FormatMoneyUnits(0), "0");
  EXPECT_EQ(Value::FormatMoneyUnits(125000), "12.5");
  EXPECT_EQ(Value::FormatMoneyUnits(-1), "-0.0001");
  EXPECT_EQ(Value::FormatMoneyUnits(10000 * MoneyUnits{10000000000}), "10000000000");
  EXPECT_EQ(Value::FormatMoneyUnits(10203), "1.0203");
}

TEST(MoneyFormatTest, AmountsBeyondSixtyFourBitsAndTheRangeEnds) {
  const MoneyUnits max = static_cast<MoneyUnits>((static_cast<Magnitude>(1) << 127) - 1);
  const MoneyUnits min = -max - 1;
  // 2^64 whole units and one below: the two sides of the 64-bit path.
  const MoneyUnits two64 = static_cast<MoneyUnits>(static_cast<Magnitude>(1) << 64) * kMoneyUnitsPerWhole;
  for (MoneyUnits u : {max, min, max - 1, min + 1, two64, two64 - kMoneyUnitsPerWhole, two64 + 7, -two64})
    EXPECT_EQ(Value::FormatMoneyUnits(u), Reference(u));
  EXPECT_EQ(Value::FormatMoneyUnits(max), "17014118346046923173168730371588410.5727");
  EXPECT_EQ(Value::FormatMoneyUnits(min), "-17014118346046923173168730371588410.5728");
}

TEST(MoneyFormatTest, AgreesWithTheReferenceAndParsesBack) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    // Magnitudes of every size: a random 128-bit value shifted right by 1-127 bits.
    const int shift = 1 + static_cast<int>(rng() % 127);
    auto m = static_cast<MoneyUnits>(((static_cast<Magnitude>(rng()) << 64) | rng()) >> shift);
    const MoneyUnits u = (rng() & 1) ? -m : m;
    const std::string text = Value::FormatMoneyUnits(u);
    ASSERT_EQ(text, Reference(u));
    char buf[Value::kMoneyUnitsChars];
    ASSERT_EQ(std::string(buf, Value::FormatMoneyUnitsTo(u, buf)), text);
    MoneyUnits back = 0;
    ASSERT_TRUE(Value::ParseMoneyUnits(text, &back)) << text;
    ASSERT_TRUE(back == u) << text;
  }
}

}  // namespace
}  // namespace kg
