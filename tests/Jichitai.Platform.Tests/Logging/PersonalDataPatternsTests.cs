using Jichitai.Platform.Logging;

namespace Jichitai.Platform.Tests.Logging;

public sealed class PersonalDataPatternsTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("ResidentName")]
    [InlineData("UserName")]
    [InlineData("residentKana")]
    [InlineData("Address")]
    [InlineData("homeAddress")]
    [InlineData("BirthDate")]
    [InlineData("dateOfBirth")]
    [InlineData("PhoneNumber")]
    [InlineData("personalNumber")]
    [InlineData("MyNumber")]
    [InlineData("my_number")]
    [InlineData("residentCode")]
    [InlineData("Email")]
    [InlineData("dob")]
    [InlineData("resident.Name")]
    [InlineData("氏名")]
    [InlineData("住所")]
    [InlineData("生年月日")]
    [InlineData("電話番号")]
    public void Keys_naming_personal_data_are_sensitive(string key) => Assert.True(PersonalDataPatterns.IsSensitiveKey(key));

    [Theory]
    [InlineData("{OriginalFormat}")]
    [InlineData("Rows")]
    [InlineData("Count")]
    [InlineData("TenantCode")]
    [InlineData("ElapsedMilliseconds")]
    [InlineData("RequestId")]
    [InlineData("EndpointName")]
    [InlineData("EnvName")]
    [InlineData("AssemblyName")]
    public void Technical_keys_are_not_sensitive(string key) => Assert.False(PersonalDataPatterns.IsSensitiveKey(key));

    [Theory]
    [InlineData("個人番号 123456789018 を照会", "個人番号 [REDACTED:MYNUMBER] を照会")]
    [InlineData("個人番号123456789018を照会", "個人番号[REDACTED:MYNUMBER]を照会")]
    [InlineData("myNumber=1234 5678 9018", "myNumber=[REDACTED:MYNUMBER]")]
    [InlineData("myNumber=1234-5678-9018.", "myNumber=[REDACTED:MYNUMBER].")]
    [InlineData("個人番号：１２３４５６７８９０１８", "個人番号：[REDACTED:MYNUMBER]")]
    [InlineData("住民票コード 12345678901", "住民票コード [REDACTED:RESIDENTCODE]")]
    [InlineData("ID:1234567", "ID:[REDACTED:NUMBER]")]
    [InlineData("No.123456789018", "No.[REDACTED:MYNUMBER]")]
    [InlineData("x1234567", "x[REDACTED:NUMBER]")]
    [InlineData("tel 03-1234-5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel 090-1234-5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel 0120-123-456", "tel [REDACTED:PHONE]")]
    [InlineData("tel (03)1234-5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel 03(1234)5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel +81-3-1234-5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel +81 90 1234 5678", "tel [REDACTED:PHONE]")]
    [InlineData("tel ０３－１２３４－５６７８", "tel [REDACTED:PHONE]")]
    [InlineData("tel 09012345678", "tel [REDACTED:RESIDENTCODE]")]
    [InlineData("〒100-0001 東京都", "[REDACTED:POSTALCODE] 東京都")]
    [InlineData("〒1000001", "[REDACTED:POSTALCODE]")]
    [InlineData("郵便番号 100-0001", "郵便番号 [REDACTED:POSTALCODE]")]
    [InlineData("郵便番号 １００－０００１", "郵便番号 [REDACTED:POSTALCODE]")]
    [InlineData("a 12345678901234567890 b", "a [REDACTED:NUMBER] b")]
    [InlineData("not a GUID 12345678-1234-1234-1234-12345678901", "not a GUID [REDACTED:NUMBER]-1234-1234-1234-[REDACTED:RESIDENTCODE]")]
    public void Personal_data_patterns_are_masked(string input, string expected) => Assert.Equal(expected, PersonalDataPatterns.Scrub(input));

    [Theory]
    [InlineData("processed 25 rows in 3 ms")]
    [InlineData("tenant 131016")]
    [InlineData("2025-11-25 11:30:00")]
    [InlineData("2025-11-25T11:30:00.1234567+09:00")]
    [InlineData("elapsed 00:00:01.2345678")]
    [InlineData("pi 3.14159265358979")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("hash 1234567890abcdef1234567890abcdef")]
    [InlineData("id 3f2504e0-4f89-11d3-9a0c-030512345678")]
    [InlineData("request 0HN7M2B3K4L5P:00000001")]
    [InlineData("listening on http://127.0.0.1:5000 and 192.168.100.200:8080")]
    [InlineData("SDK 10.0.401, HTTP/1.1 200")]
    [InlineData("amount 1,234,567 yen")]
    [InlineData("")]
    public void Ordinary_text_is_returned_as_is(string input) => Assert.Same(input, PersonalDataPatterns.Scrub(input));

    [Fact]
    public void Values_keep_their_instance_unless_masked()
    {
        object rows = 25;
        object day = DayOfWeek.Monday;
        Assert.Same(rows, PersonalDataPatterns.ScrubValue("Rows", rows));
        Assert.Same(day, PersonalDataPatterns.ScrubValue("Day", day));
        Assert.Equal("[REDACTED:MYNUMBER]", PersonalDataPatterns.ScrubValue("Value", 123456789018L));
        Assert.Equal("[REDACTED]", PersonalDataPatterns.ScrubValue("ResidentName", "山田太郎"));
        Assert.Equal("[REDACTED]", PersonalDataPatterns.ScrubValue("BirthDate", new DateOnly(1980, 4, 1)));
        Assert.Equal("", PersonalDataPatterns.ScrubValue("ResidentName", ""));
        Assert.Null(PersonalDataPatterns.ScrubValue("ResidentName", null));
        Assert.Equal("0HN7M2B3K4L5P:00000001", PersonalDataPatterns.ScrubValue("RequestId", "0HN7M2B3K4L5P:00000001"));
    }
}
