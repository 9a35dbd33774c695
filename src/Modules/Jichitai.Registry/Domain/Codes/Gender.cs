namespace Jichitai.Registry.Domain.Codes;

/// <summary>性別 as recorded on the 住民票 (住基法7条3号). Values follow JIS X 0303 / ISO/IEC 5218: 1 男, 2 女.</summary>
public enum Gender
{
    Male = 1,
    Female = 2,
}

public static class GenderExtensions
{
    public static string Label(this Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };

    public static bool TryParseLabel(string? label, out Gender gender)
    {
        gender = label?.Trim() switch { "男" => Gender.Male, "女" => Gender.Female, _ => default };
        return gender != default;
    }
}
