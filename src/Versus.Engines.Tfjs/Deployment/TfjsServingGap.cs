using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Engines.Tfjs.Deployment;

/// <summary>Why TensorFlow.js has no server row that ran: the model server is .NET's, and tfjs-node is not a .NET engine.</summary>
public static class TfjsServingGap
{
    public const string Engine = "tfjs (Node)";

    public const string Reason =
        "Not exercised: a TensorFlow.js server runs in Node behind @tensorflow/tfjs-node (native libtensorflow); this probe serves from " +
        ".NET (ASP.NET Core) only, and the JavaScript cpu kernels (tens of ms per image here) are not a serving path.";

    public static DeploymentGap Gap { get; } = new(DeploymentTarget.Server, Engine, FrameworkFamily.TensorFlow, Reason);
}
