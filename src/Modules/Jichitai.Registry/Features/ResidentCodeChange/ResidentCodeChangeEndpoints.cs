using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features.ResidentCodeChange;

/// <summary>住民票コードの異動 under /api/v1/registry/movements (RegistryWrite).</summary>
internal static class ResidentCodeChangeEndpoints
{
    public static void Map(RouteGroupBuilder write) =>
        RegistryEndpoints.Movement<ResidentCodeChangeRequest>(write, "/resident-code", ResidentCodeChangeHandler.HandleAsync,
            "住民票コードの職権記載・変更請求・修正(コードはCSが付番) / record, change or correct a resident code issued by the CS");
}
