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

/// <summary>Finds <see cref="StoreFactAttribute"/> tests; each decides, for its concrete class, whether to skip.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new StoreTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>
/// A test case skipped, with the reason, when its class needs PostgreSQL and PostgreSQL cannot run here. The reason is
/// worked out from the class each time, so it survives the runner's serialising of test cases.
/// </summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnostics, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        typeof(INeedsPostgres).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType()) && Servers.PostgresProblem is { } problem
            ? $"needs PostgreSQL: {problem}"
            : base.GetSkipReason(factAttribute);
}
