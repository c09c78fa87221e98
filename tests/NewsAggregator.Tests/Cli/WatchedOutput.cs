using System.Text;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// A standard output that a test's web server can wait on: <see cref="Shows"/> completes once the
/// text has been written, which lets a server hold a source back until another's line is out.
/// </summary>
internal sealed class WatchedOutput : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Written)> _awaited = [];

    public override Encoding Encoding => Encoding.UTF8;

    public Task Shows(string text)
    {
        lock (_gate)
        {
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, written));
            Release();
            return written.Task;
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    private void Append(string value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Release();
        }
    }

    private void Release()
    {
        var text = _text.ToString();
        foreach (var (awaitedText, written) in _awaited.Where(awaited => text.Contains(awaited.Text, StringComparison.Ordinal)))
        {
            written.TrySetResult();
        }
    }
}
