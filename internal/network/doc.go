// Package network is the one place gen-postman speaks HTTP from: the rule every URL it sends a
// request to must pass ([ParseHTTPURL]), and the client that holds it to the connection.
package network
