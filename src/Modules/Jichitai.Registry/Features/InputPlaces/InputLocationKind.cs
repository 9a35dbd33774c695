namespace Jichitai.Registry.Features.InputPlaces;

/// <summary>入力場所の種別 (standard 1.3.1).</summary>
public enum InputLocationKind { MainOffice = 1, Branch = 2, SubBranch = 3, Department = 4, WardOffice = 5 }

public static class InputLocationKinds
{
    public static string Label(this InputLocationKind k) => k switch
    {
        InputLocationKind.MainOffice => "本庁",
        InputLocationKind.Branch => "支所",
        InputLocationKind.SubBranch => "出張所",
        InputLocationKind.Department => "住民記録システム利用課",
        InputLocationKind.WardOffice => "区役所",
        _ => k.ToString(),
    };

    public static InputLocationKind? Parse(string? text) =>
        Enum.GetValues<InputLocationKind>().Cast<InputLocationKind?>().FirstOrDefault(k => k!.Value.Label() == text?.Trim() || k.Value.ToString() == text?.Trim());
}
