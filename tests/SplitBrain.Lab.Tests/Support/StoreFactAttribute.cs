using Xunit.Abstractions;
using Xunit.Sdk;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>Marks a test class whose store is PostgreSQL, so its <see cref="StoreFactAttribute"/> tests are skipped without it.</summary>
public interface INeedsPostgres;

/// <summary>
/// A test of the guard's rules, written once in an abstract class and run once per store by its subclasses. In a
/// subclass that implements <see cref="INeedsPostgres"/> the test is skipped, with the reason, where PostgreSQL is
/// missing or will not start.
/// </summary>
[XunitTestCaseDiscoverer("SplitBrain.Lab.Tests.Support.StoreFactDiscoverer", "SplitBrain.Lab.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests and decides, per concrete class, whether to skip them.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        string? skip = typeof(INeedsPostgres).IsAssignableFrom(type) && Servers.PostgresProblem is { } problem ? $"needs PostgreSQL: {problem}" : null;
        yield return new StoreTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}

/// <summary>A test case that carries the skip reason its discoverer found.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    private string? skip;

    [Obsolete("For deserialization only.")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string? skip)
        : base(diagnostics, display, options, testMethod) => this.skip = skip;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("StoreSkip", skip ?? "");
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        string value = data.GetValue<string>("StoreSkip");
        skip = value.Length == 0 ? null : value;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => skip ?? base.GetSkipReason(factAttribute);
}
