using System.Reflection;

namespace SplitBrain.Tests.Kernel;

/// <summary>
/// The lessons load SplitBrain.dll from the pictures' build folder and again, through the learner's exercises,
/// from exercises/bin. The two copies must be the same bytes whenever the library's source is the same, so the
/// binary must not carry the git commit: otherwise a learner's own commit followed by a build of exercises/
/// alone makes the swap-in cells fail with "assembly already loaded".
/// </summary>
public sealed class AssemblyStampTests
{
    [Fact]
    public void The_library_does_not_carry_the_git_commit()
    {
        var version = typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.NotNull(version);
        Assert.DoesNotContain("+", version, StringComparison.Ordinal);
    }
}
