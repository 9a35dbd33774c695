namespace Jichitai.Registry.Features.Renewal;

/// <summary>
/// 特別な事由 (standard 1.1.4): movements that may stay on the 住民票 without a 改製, but whose history is left out of
/// printed copies by default. The numbers are stored.
/// </summary>
public enum SpecialReason { SpecialAdoption = 1, SpecialAdoptionDissolution = 2, GenderChange = 3 }

public static class SpecialReasons
{
    public static string Label(this SpecialReason r) => r switch
    {
        SpecialReason.SpecialAdoption => "特別養子縁組",
        SpecialReason.SpecialAdoptionDissolution => "特別養子縁組の解消",
        SpecialReason.GenderChange => "性別の変更",
        _ => r.ToString(),
    };

    public static SpecialReason? Parse(string? text) =>
        Enum.GetValues<SpecialReason>().Cast<SpecialReason?>().FirstOrDefault(r => r!.Value.Label() == text?.Trim() || r.Value.ToString() == text?.Trim());
}
