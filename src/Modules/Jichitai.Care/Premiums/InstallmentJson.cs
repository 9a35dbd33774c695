using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jichitai.Care.Premiums;

/// <summary>An installment stored compactly as ["2026-07","普通徴収","第1期",8800]: a 本算定 writes hundreds of thousands.</summary>
internal sealed class InstallmentJsonConverter : JsonConverter<Installment>
{
    public override Installment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("期別は配列で保存されています。");
        reader.Read();
        var when = reader.GetString()!;
        reader.Read();
        var method = reader.GetString()!;
        reader.Read();
        var label = reader.GetString()!;
        reader.Read();
        var amount = reader.GetInt64();
        reader.Read();
        return new Installment(int.Parse(when.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(when.AsSpan(5, 2), CultureInfo.InvariantCulture), method, label, amount);
    }

    public override void Write(Utf8JsonWriter writer, Installment value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.When.ToString());
        writer.WriteStringValue(value.Method);
        writer.WriteStringValue(value.Label);
        writer.WriteNumberValue(value.Amount);
        writer.WriteEndArray();
    }
}
