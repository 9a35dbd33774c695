using System.Text.Json;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Tests.Domain.Codes;

/// <summary>API callers name the basis of a movement; older callers' numbers keep working.</summary>
public class MovementBasisJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("\"Official\"", MovementBasis.Official)]
    [InlineData("\"Application\"", MovementBasis.Application)]
    [InlineData("2", MovementBasis.Official)]
    public void Basis_IsReadByNameOrNumber(string json, MovementBasis expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<MovementHeader>($"{{\"basis\":{json}}}", Web)!.Basis);

    [Fact]
    public void Basis_IsWrittenByName() =>
        Assert.Contains("\"basis\":\"Official\"", JsonSerializer.Serialize(new MovementHeader { Basis = MovementBasis.Official }, Web));

    [Fact]
    public void UnknownBasis_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MovementHeader>("{\"basis\":\"Hearsay\"}", Web));
}
