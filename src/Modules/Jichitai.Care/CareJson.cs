using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jichitai.Care;

/// <summary>One JSON shape for everything the module stores as JSON (periods, parameters, installments, results).</summary>
internal static class CareJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
