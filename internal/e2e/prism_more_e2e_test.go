//go:build e2e

package e2e

import "testing"

// TestNewmanRunsMoreDocumentsAgainstPrism runs the collections of Kinde's and FusionAuth's whole
// documents in Newman against Prism's dynamic mock of each, as the Logto test does: 45 s on a
// loaded machine.
func TestNewmanRunsMoreDocumentsAgainstPrism(t *testing.T) {
	for name, file := range map[string]string{"Kinde": "kinde-management-api.yaml", "FusionAuth": "fusionauth.yaml"} {
		t.Run(name, func(t *testing.T) {
			checkPrismRun(t, name, runAgainstPrism(t, file))
		})
	}
}

// TestNewmanContractsOfMoreDocumentsFailEmptyAnswers runs the check of the Logto test on Kinde's
// and FusionAuth's documents: against an API that answers {}, each request's contract tests fail
// exactly where a validator in Go says they must. Their documents' answers require no property,
// so {} fails only where the status is not listed.
func TestNewmanContractsOfMoreDocumentsFailEmptyAnswers(t *testing.T) {
	for name, file := range map[string]string{"Kinde": "kinde-management-api.yaml", "FusionAuth": "fusionauth.yaml"} {
		t.Run(name, func(t *testing.T) {
			checkEmptyAnswers(t, name, file)
		})
	}
}
