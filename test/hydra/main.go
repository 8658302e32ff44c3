// Command hydra is Ory Hydra built from its published Go module, so the tests
// can run against the real server instead of only our own admin server.
package main

import "github.com/ory/hydra/v2/cmd"

func main() {
	cmd.Execute()
}
