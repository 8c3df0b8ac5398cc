from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.guid_pair_set import GUIDPairSet
from ...models.imsx_status_info import ImsxStatusInfo
from ...models.single_demographics import SingleDemographics
from ...types import Response, decode_json, released


def _get_kwargs(
    *,
    body: SingleDemographics,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/demographics",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GUIDPairSet | ImsxStatusInfo | None:
    if response.status_code == 201:
        response_201 = GUIDPairSet.from_dict(decode_json(response.content))

        return response_201

    if response.status_code == 400:
        response_400 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_400

    if response.status_code == 401:
        response_401 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_401

    if response.status_code == 403:
        response_403 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_403

    if response.status_code == 404:
        response_404 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_404

    if response.status_code == 409:
        response_409 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_409

    if response.status_code == 422:
        response_422 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_422

    if response.status_code == 429:
        response_429 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_429

    if response.status_code == 500:
        response_500 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GUIDPairSet | ImsxStatusInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SingleDemographics,
) -> Response[GUIDPairSet | ImsxStatusInfo]:
    """Post demographics.

    Args:
        body (SingleDemographics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GUIDPairSet | ImsxStatusInfo]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = released(
        client.get_httpx_client().request(
            **kwargs,
        )
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SingleDemographics,
) -> GUIDPairSet | ImsxStatusInfo | None:
    """Post demographics.

    Args:
        body (SingleDemographics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GUIDPairSet | ImsxStatusInfo
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SingleDemographics,
) -> Response[GUIDPairSet | ImsxStatusInfo]:
    """Post demographics.

    Args:
        body (SingleDemographics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GUIDPairSet | ImsxStatusInfo]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = released(await client.get_async_httpx_client().request(**kwargs))

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SingleDemographics,
) -> GUIDPairSet | ImsxStatusInfo | None:
    """Post demographics.

    Args:
        body (SingleDemographics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GUIDPairSet | ImsxStatusInfo
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
