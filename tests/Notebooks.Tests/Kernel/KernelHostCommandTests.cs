using Course.Notebooks;

namespace Notebooks.Tests.Kernel;

/// <summary>The kernel's command line: what VS Code passes is accepted; anything else is refused with exit code 2 before a kernel starts.</summary>
public sealed class KernelHostCommandTests
{
    [Theory]
    [InlineData("stdio", "--no-such-option")]
    [InlineData("stdio", "--default-kernel", "fsharp")]
    [InlineData("stdio", "--working-dir", "/no/such/folder/for/the/course")]
    [InlineData("jupyter")]
    public async Task Bad_arguments_end_with_exit_code_2(params string[] args)
    {
        Assert.Equal(2, await KernelHostCommand.RunAsync(args));
    }
}
