# A fragment: its targets and prerequisites live in the Makefile that includes it.
deploy: image push-staging
	kubectl apply -f k8s/
