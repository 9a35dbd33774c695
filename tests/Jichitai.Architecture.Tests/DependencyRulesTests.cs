using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Jichitai.Architecture.Tests;

/// <summary>The dependency directions of docs/architecture.md, enforced.</summary>
public class DependencyRulesTests
{
    private static readonly Assembly Platform = typeof(Jichitai.Platform.Tenancy.Tenant).Assembly;
    private static readonly Assembly Web = typeof(Jichitai.Web.Security.Policies).Assembly;
    private static readonly Assembly Cli = typeof(Jichitai.Cli.CliApp).Assembly;
    private static readonly Assembly Registry = typeof(Jichitai.Registry.RegistryModule).Assembly;
    private static readonly Assembly Linkage = typeof(Jichitai.Linkage.LinkageModule).Assembly;
    private static readonly Assembly Care = typeof(Jichitai.Care.CareModule).Assembly;

    private static void AssertOk(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Platform_KnowsNoHostAndNoMvc() =>
        AssertOk(Types.InAssembly(Platform).ShouldNot()
            .HaveDependencyOnAny("Jichitai.Web", "Jichitai.Cli", "Microsoft.AspNetCore.Mvc").GetResult(),
            "the platform must not depend on a host or MVC");

    [Fact]
    public void Platform_DoesNotReferenceTheMigrationAssemblies()
    {
        // They reference the platform; hosts load them. (Named by string in PlatformDatabase, never by type.)
        var referenced = Platform.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Jichitai.Migrations.Sqlite", referenced);
        Assert.DoesNotContain("Jichitai.Migrations.PostgreSql", referenced);
    }

    [Fact]
    public void Hosts_DoNotDependOnEachOther()
    {
        AssertOk(Types.InAssembly(Web).ShouldNot().HaveDependencyOn("Jichitai.Cli").GetResult(), "web → cli");
        AssertOk(Types.InAssembly(Cli).ShouldNot().HaveDependencyOn("Jichitai.Web").GetResult(), "cli → web");
    }

    [Fact]
    public void EveryPage_DeclaresItsAuthorisation()
    {
        var pages = new[] { Web, Registry, Linkage, Care }.SelectMany(a => a.GetTypes()).Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        var undeclared = pages.Where(t =>
            t.GetCustomAttribute<AllowAnonymousAttribute>() is null
            && t.GetCustomAttributes<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy))).Select(t => t.FullName);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void PageModels_LiveInThePagesFolder_ApiInApi() =>
        AssertOk(Types.InAssembly(Web).That().Inherit(typeof(PageModel)).Should().ResideInNamespaceStartingWith("Jichitai.Web.Pages").GetResult(),
            "page models belong under Pages/");

    [Fact]
    public void TenantOwnedRows_AreOnlyWrittenThroughScopedContexts()
    {
        // Every DbContext of the product must be scoped (EF filters + RLS session); a plain DbContext would bypass isolation.
        var contexts = new[] { Platform, Web, Cli, Registry, Linkage, Care }.SelectMany(a => a.GetTypes())
            .Where(t => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(contexts);
        Assert.All(contexts, c => Assert.True(typeof(Jichitai.Platform.Persistence.IScopedDbContext).IsAssignableFrom(c), $"{c.Name} is not IScopedDbContext"));
    }

    [Fact]
    public void Platform_KnowsNoBusinessModule() =>
        AssertOk(Types.InAssembly(Platform).ShouldNot().HaveDependencyOnAny("Jichitai.Registry", "Jichitai.Linkage.").GetResult(), "platform → module"); // trailing dot: the platform's meter is named "Jichitai.Linkage"

    [Fact]
    public void Modules_KnowNoHost()
    {
        AssertOk(Types.InAssembly(Registry).ShouldNot().HaveDependencyOnAny("Jichitai.Web", "Jichitai.Cli").GetResult(), "registry → host");
        AssertOk(Types.InAssembly(Linkage).ShouldNot().HaveDependencyOnAny("Jichitai.Web", "Jichitai.Cli").GetResult(), "linkage → host");
        AssertOk(Types.InAssembly(Care).ShouldNot().HaveDependencyOnAny("Jichitai.Web", "Jichitai.Cli").GetResult(), "care → host");
    }

    [Fact]
    public void Linkage_KnowsNoBusinessModule() =>
        // Sources register through the platform (ILinkageEventSource); the registry is one of them, not a dependency.
        AssertOk(Types.InAssembly(Linkage).ShouldNot().HaveDependencyOn("Jichitai.Registry").GetResult(), "linkage → registry");

    [Fact]
    public void RegistryDomain_IsPure()
    {
        // The rules of law and the standard (check digits, 和暦, codes, search keys) depend on nothing but the BCL.
        AssertOk(Types.InAssembly(Registry).That().ResideInNamespaceStartingWith("Jichitai.Registry.Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Jichitai.Registry.Persistence", "Jichitai.Registry.Features", "Jichitai.Platform.Persistence")
            .GetResult(), "domain purity");
    }

    [Fact]
    public void EveryRegistryPage_DeclaresARegistryPolicy()
    {
        var pages = Registry.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Contains(p.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy is not null && a.Policy.StartsWith("Registry", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryLinkagePage_DeclaresTheManagePolicy()
    {
        // Consumer management is 情報担当 work; the consumer (API key) policy must never open a page.
        var pages = Linkage.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Contains(p.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == Jichitai.Linkage.LinkagePolicies.Manage));
    }

    [Fact]
    public void Care_KnowsNoOtherBusinessModule() =>
        // Residents reach 介護保険 only through the platform's linkage contracts (events, snapshot), never the registry's or linkage's code.
        AssertOk(Types.InAssembly(Care).ShouldNot().HaveDependencyOnAny("Jichitai.Registry", "Jichitai.Linkage.").GetResult(), "care → registry/linkage");

    [Fact]
    public void EveryCarePage_DeclaresTheWorkPolicy()
    {
        // 介護保険 pages are the 介護担当's (CarePolicies.Work); personal data of the insured is shown on every one of them.
        var pages = Care.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Contains(p.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == Jichitai.Care.CarePolicies.Work));
    }
}
