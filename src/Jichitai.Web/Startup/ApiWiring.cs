using Jichitai.Linkage;
using Jichitai.Registry;
using Jichitai.Web.Api;
using Scalar.AspNetCore;

namespace Jichitai.Web.Startup;

public static class ApiWiring
{
    public static void AddJsonApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "JichitaiCloud API";
            doc.Info.Description = "自治体クラウド 標準準拠システムの API。エラーは RFC 9457 の problem details(日本語)で返します。";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
    }

    public static void MapJsonApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("JichitaiCloud API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        var v1 = app.MapGroup("/api/v1");
        v1.MapMeEndpoints();
        v1.MapTenantEndpoints();
        v1.MapSettingEndpoints();
        v1.MapUserEndpoints();
        v1.MapAuditEndpoints();
        v1.MapRegistryApi();
        v1.MapLinkageApi();
        v1.MapVerifyEndpoints();
    }
}
