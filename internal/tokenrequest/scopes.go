package tokenrequest

import (
	"io"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// readVariableScopes reads the values {{variables}} resolve to, in Postman's order.
func readVariableScopes(col *postman.Collection, environment io.Reader) (*variables, error) {
	vars := &variables{haveEnv: environment != nil}
	if environment != nil {
		env, err := postman.ReadEnvironment(environment)
		if err != nil {
			return nil, fileError("environment", err, true)
		}
		for _, v := range env.Values {
			if v.Enabled {
				vars.env = append(vars.env, variable{v.Key, v.Value})
			}
		}
	}
	colVars, _ := col.Variables() // checked when the file is read
	for _, v := range colVars {
		if !v.Disabled {
			vars.col = append(vars.col, variable{v.Name(), v.Value})
		}
	}
	return vars, nil
}
