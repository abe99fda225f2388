using System.Runtime.CompilerServices;

namespace ParIndex.Web.Tests.Support;

/// <summary>
/// Every web application a test starts co-hosts a silo; many run in one process, so each takes free ports (0) instead
/// of Orleans' fixed 11111 and 30000. Set before any test runs, for the applications made in any way.
/// </summary>
internal static class OrleansPorts
{
    [ModuleInitializer]
    internal static void UseFreePorts()
    {
        Environment.SetEnvironmentVariable("Orleans__SiloPort", "0");
        Environment.SetEnvironmentVariable("Orleans__GatewayPort", "0");
    }
}
