namespace SocketDeployer.Tests.Support;

/// <summary>
/// Runs a program as systemd's <c>MemoryDenyWriteExecute=yes</c> does on a current kernel: <c>prctl(PR_SET_MDWE,
/// PR_MDWE_REFUSE_EXEC_GAIN)</c> (Linux 6.3+), inherited across exec, refuses every W+X mapping and every page made
/// executable after the fact. A JIT cannot start under it (dotnet dies with SIGSEGV); the Native AOT daemon must.
/// </summary>
public static class MemoryDenyWriteExecute
{
    private const string Script = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(65, 1, 0, 0, 0) != 0:  # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
            sys.stderr.write("prctl(PR_SET_MDWE) failed: errno %d\n" % ctypes.get_errno())
            sys.exit(97)
        os.execv(sys.argv[1], sys.argv[1:])
        """;

    /// <summary>The exit code of the launcher when the kernel lacks PR_SET_MDWE.</summary>
    public const int Unsupported = 97;

    /// <summary>The command that runs <paramref name="executable"/> under MDWE; null when python3 is not installed.</summary>
    public static string[]? Launcher(string executable)
    {
        var python = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "python3"))
            .FirstOrDefault(File.Exists);
        if (python is null)
        {
            return null;
        }

        var script = Path.Combine(Path.GetTempPath(), "socketdeployer-mdwe.py");
        File.WriteAllText(script, Script);
        return [python, script, executable];
    }
}
