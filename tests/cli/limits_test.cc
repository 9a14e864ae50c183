#include "cli/limits.h"

#include <gtest/gtest.h>

namespace kg::cli {
namespace {

TEST(LimitsTest, ByteSizesTakeDecimalAndBinaryUnits) {
  EXPECT_EQ(ParseByteSize("500MB").value(), 500'000'000u);
  EXPECT_EQ(ParseByteSize("500 mb").value(), 500'000'000u);
  EXPECT_EQ(ParseByteSize("2GB").value(), 2'000'000'000u);
  EXPECT_EQ(ParseByteSize("1.5GiB").value(), 1610612736u);
  EXPECT_EQ(ParseByteSize("640KB").value(), 640'000u);
  EXPECT_EQ(ParseByteSize("4096").value(), 4096u);
  EXPECT_EQ(ParseByteSize("default").value(), 0u);
  for (const char* bad : {"", "MB", "lots", "5 parsecs", "1.2.3MB", "-5MB"}) {
    SCOPED_TRACE(bad);
    Result<uint64_t> r = ParseByteSize(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("not a memory size"), std::string::npos);
  }
}

TEST(LimitsTest, DurationsDefaultToSeconds) {
  EXPECT_EQ(ParseDuration("30s").value(), 30'000u);
  EXPECT_EQ(ParseDuration("30").value(), 30'000u);
  EXPECT_EQ(ParseDuration("500ms").value(), 500u);
  EXPECT_EQ(ParseDuration("2min").value(), 120'000u);
  EXPECT_EQ(ParseDuration("0.0001s").value(), 1u);
  EXPECT_EQ(ParseDuration("none").value(), 0u);
  EXPECT_FALSE(ParseDuration("soon").ok());
  EXPECT_EQ(DescribeTimeout(30'000), "30 s");
  EXPECT_EQ(DescribeMemoryLimit(500'000'000), "500 MB");
}

}  // namespace
}  // namespace kg::cli
