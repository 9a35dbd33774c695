using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jichitai.Care;

/// <summary>One JSON shape for everything the module stores as JSON (periods, parameters, installments, results).</summary>
internal static class CareJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Source-generated metadata for the shapes the 本算定 writes per person (reflection for the rest).
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CareJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Premiums.PremiumResult))]
[JsonSerializable(typeof(List<Premiums.Installment>))]
[JsonSerializable(typeof(List<Qualification.QualificationPeriod>))]
[JsonSerializable(typeof(List<Qualification.StatusPeriod>))]
internal sealed partial class CareJsonContext : JsonSerializerContext;
