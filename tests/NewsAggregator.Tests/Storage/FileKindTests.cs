using NewsAggregator.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Storage;

public sealed class FileKindTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("/dev/null", "a character device")]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("regular", null)]
    [InlineData("folder", null)]
    [InlineData("missing", null)]
    [InlineData("link-to-null", "a character device")]
    public void Says_what_a_path_leads_to_when_it_is_not_a_regular_file_or_a_folder(string path, string? kind)
    {
        _workspace.WriteFile("regular", "text");
        Directory.CreateDirectory(_workspace.PathOf("folder"));
        File.CreateSymbolicLink(_workspace.PathOf("link-to-null"), "/dev/null");

        Assert.Equal(kind, FileKind.Special(path.StartsWith('/') ? path : _workspace.PathOf(path)));
    }

    [Fact]
    public async Task A_named_pipe_is_one()
    {
        var pipe = await _workspace.MakeNamedPipeAsync("pipe");

        Assert.Equal("a named pipe (FIFO)", FileKind.Special(pipe));
    }
}
