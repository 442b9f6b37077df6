import boto3

VALUE = 1
