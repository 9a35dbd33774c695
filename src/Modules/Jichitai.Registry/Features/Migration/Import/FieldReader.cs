using Jichitai.Platform.Text;
using System.Globalization;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>
/// Reads the fields of one row by the layout's rules (required, length, type, code list) and records every violation
/// with file, line and column. A bad field reads as null, so the row's other checks still run and all errors are listed.
/// </summary>
public sealed class FieldReader(LayoutFile file, List<MigrationError> errors)
{
    private string[] _fields = [];
    public long Line { get; private set; }
    public bool RowOk { get; private set; }

    public void Start(string[] fields, long line) => (_fields, Line, RowOk) = (fields, line, true);

    public void Fail(string column, string value, string reason)
    {
        errors.Add(new(file.FileName, Line, column, value, reason));
        RowOk = false;
    }

    /// <summary>The raw text, checked for length and characters; null when empty (or invalid).</summary>
    public string? Text(int index)
    {
        var column = file.Columns[index];
        var value = _fields[index];
        if (value.Length == 0)
        {
            if (column.Required) Fail(column.Name, "", "必須項目が空です");
            return null;
        }
        if (value.Contains(StrictEncoding.Undecodable))
        {
            Fail(column.Name, value, "文字コードとして正しくないバイト列があります(指定した文字コードと違うか、ファイルが壊れています)");
            return null;
        }
        if (BadCharacter(value) is { } bad)
        {
            Fail(column.Name, value, bad);
            return null;
        }
        // Text elements never outnumber UTF-16 units: only a long value needs counting.
        var length = value.Length <= column.MaxLength ? value.Length : new StringInfo(value).LengthInTextElements;
        if (length > column.MaxLength)
        {
            Fail(column.Name, value, $"{column.MaxLength}文字以内です({length}文字)");
            return null;
        }
        var typeError = column.Type switch
        {
            ColumnType.Digits when !value.All(char.IsAsciiDigit) => "半角数字で書いてください",
            ColumnType.Kana when !value.All(IsKana) => "全角カタカナで書いてください",
            ColumnType.Code or ColumnType.Flag when column.Codes is { } codes && !codes.Contains(value) => $"{column.Codes.Name}「{value}」はコード表にありません",
            _ => null,
        };
        if (typeError is not null)
        {
            Fail(column.Name, value, typeError);
            return null;
        }
        return value;
    }

    public string Required(int index) => Text(index) ?? "";

    public DateOnly? Date(int index)
    {
        if (Text(index) is not { } text) return null;
        if (LayoutDates.TryParse(text, out var date, out var error)) return date;
        Fail(file.Columns[index].Name, text, error!);
        return null;
    }

    public DateTime? DateTime(int index)
    {
        if (Text(index) is not { } text) return null;
        if (LayoutDates.TryParseDateTime(text, out var utc, out var error)) return utc;
        Fail(file.Columns[index].Name, text, error!);
        return null;
    }

    public int? Number(int index)
    {
        if (Text(index) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        Fail(file.Columns[index].Name, text, "半角数字(整数)で書いてください");
        return null;
    }

    public bool Flag(int index) => Text(index) == "1";

    public int? Code(int index) => Text(index) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Katakana, 長音, 中黒 and spaces: the readings the registry stores (same set as the counter forms).</summary>
    private static bool IsKana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '　' or ' ' or '・' or 'ヽ' or 'ヾ';

    private static string? BadCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // 私用領域: a 外字 of the old system means nothing here; it must be identified (文字同定) before migration.
            if (c is >= '\uE000' and <= '\uF8FF')
                return $"U+{(int)c:X4} は私用領域(外字)の文字です。文字同定して標準の文字に置き換えてください";
            if (char.IsControl(c)) return $"制御文字 U+{(int)c:X4} は使えません(改行を含む)";
        }
        return null;
    }
}
