"""AWS stack whose region is set only in the environment (AWS_REGION), not in the stack config.

A policy sees the default provider's configuration, not the environment the provider will read at apply
time: the bucket's location cannot be established during preview, and it fails closed (CKV_CNLIC_103).
"""
import pulumi_aws as aws

aws.s3.Bucket("reports", bucket="reports")
