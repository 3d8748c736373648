package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:         "verify",
		Usage:        "perform the collection's token request and prove the token right",
		Flags:        profileFlags(),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			return errors.New("verify is not wired yet")
		},
	}
}
