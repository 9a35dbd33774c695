using Microsoft.Extensions.Compliance.Classification;

namespace Jichitai.Platform.Logging;

/// <summary>
/// Marks a value as personal data (<see cref="PersonalDataTaxonomy.PersonalData"/>). On a <c>[LoggerMessage]</c> parameter the
/// Microsoft.Extensions.Telemetry logging generator emits it as a classified tag, and the redaction pipeline erases it before
/// any logger provider sees it: <c>LogResidentFound(ILogger logger, [PersonalData] string residentName)</c>.
/// </summary>
/// <remarks>
/// ASP.NET Core Identity has an unrelated <c>Microsoft.AspNetCore.Identity.PersonalDataAttribute</c>; in a file that imports both
/// namespaces, qualify this one (<c>[Logging.PersonalData]</c>) or use a using alias.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue,
    AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(PersonalDataTaxonomy.PersonalData)
    {
    }
}
