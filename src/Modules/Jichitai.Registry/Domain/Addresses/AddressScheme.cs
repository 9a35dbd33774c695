namespace Jichitai.Registry.Domain.Addresses;

/// <summary>How addresses in a 町字 are written (standard 1.3.2): 住居表示 (街区符号・住居番号), 地番, or 区画整理中 (仮換地).</summary>
public enum AddressScheme { ResidenceIndication = 1, LotNumber = 2, LandReadjustment = 3 }

public static class AddressSchemes
{
    public static string Label(this AddressScheme s) => s switch
    {
        AddressScheme.ResidenceIndication => "住居表示",
        AddressScheme.LotNumber => "地番",
        AddressScheme.LandReadjustment => "区画整理",
        _ => s.ToString(),
    };

    public static AddressScheme? Parse(string? text) =>
        Enum.GetValues<AddressScheme>().Cast<AddressScheme?>().FirstOrDefault(s => s!.Value.Label() == text?.Trim() || s.Value.ToString() == text?.Trim());
}
