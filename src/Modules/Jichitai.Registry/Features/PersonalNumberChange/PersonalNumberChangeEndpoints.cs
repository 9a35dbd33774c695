using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features.PersonalNumberChange;

/// <summary>個人番号の異動 under /api/v1/registry/movements: 住記担当 only (RegistryPersonalNumber; 番号法19条).</summary>
internal static class PersonalNumberChangeEndpoints
{
    public static void Map(RouteGroupBuilder registry)
    {
        var personalNumber = registry.MapGroup("/movements").RequireAuthorization(RegistryPolicies.PersonalNumber);
        RegistryEndpoints.Movement<PersonalNumberChangeRequest>(personalNumber, "/personal-number", PersonalNumberChangeHandler.HandleAsync,
            "個人番号の指定・変更請求・職権変更・職権修正(住記担当のみ) / designate, change or correct a personal number");
    }
}
